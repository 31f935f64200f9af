package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.port.AgentRefusal;
import io.github.wuproxy.port.Policy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The organisation's refusals are said in the user's language, and in English exactly as the log says them. */
class PolicyRefusalTextsTest {
    private static final Policy ONLY = new Policy(Optional.empty(), false, Set.of("direct", "corporate"), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
    private static final Policy LOCKED = new Policy(Optional.empty(), true, Set.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    @Test
    void everyPolicyRefusalReadsInEnglishAsTheLogAndInJapanese() {
        List<AgentRefusal.Why> all = List.of(ONLY.choiceRefusal("mobile").orElseThrow(), LOCKED.choiceRefusal("direct").orElseThrow(),
                Policy.CHOICE_LOCKED);
        for (AgentRefusal.Why why : all) {
            Object[] values = why.values().toArray();
            assertEquals(Policy.english(why), Texts.format(Texts.bundle(Locale.ENGLISH), "refusal." + why.code(), values), why.code());
            String japanese = Texts.format(Texts.bundle(Locale.JAPANESE), "refusal." + why.code(), values);
            assertTrue(japanese.contains("組織"), japanese);
            why.values().forEach(v -> assertTrue(japanese.contains(v), japanese));
        }
        assertEquals(Optional.of("managed by your organisation: only corporate, direct may be chosen by hand"), ONLY.refusesChoiceOf("mobile"));
        assertEquals(Optional.empty(), ONLY.refusesChoiceOf("direct"));
    }
}
