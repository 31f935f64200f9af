package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the service does with each Service Control Manager control, and how it is registered. */
class ServiceControlsTest {
    @Test
    void stopShutdownPowerAndSessionControlsHaveTheirMeaning() {
        assertEquals(Optional.of(ServiceControls.Event.STOP), ServiceControls.interpret(ServiceControls.SERVICE_CONTROL_STOP, 0));
        assertEquals(Optional.of(ServiceControls.Event.STOP), ServiceControls.interpret(ServiceControls.SERVICE_CONTROL_SHUTDOWN, 0));
        assertEquals(Optional.of(ServiceControls.Event.SUSPEND),
                ServiceControls.interpret(ServiceControls.SERVICE_CONTROL_POWEREVENT, ServiceControls.PBT_APMSUSPEND));
        assertEquals(Optional.of(ServiceControls.Event.RESUME),
                ServiceControls.interpret(ServiceControls.SERVICE_CONTROL_POWEREVENT, ServiceControls.PBT_APMRESUMEAUTOMATIC));
        assertEquals(Optional.of(ServiceControls.Event.USER_SESSION),
                ServiceControls.interpret(ServiceControls.SERVICE_CONTROL_SESSIONCHANGE, ServiceControls.WTS_SESSION_UNLOCK));
        assertEquals(Optional.empty(), ServiceControls.interpret(ServiceControls.SERVICE_CONTROL_INTERROGATE, 0));
        assertEquals(Optional.empty(), ServiceControls.interpret(ServiceControls.SERVICE_CONTROL_POWEREVENT, 0xA));
    }

    @Test
    void theServiceCommandLineNamesJavaTheInstallFolderAndTheJarEachQuoted() {
        assertEquals("\"C:\\Program Files\\Java\\bin\\java.exe\" -Xms2m -Xmx64m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
                + "-XX:CICompilerCount=1 -XX:-UsePerfData -Xmn1m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps "
                + "-XX:CompileThresholdScaling=10 -Ddorkbox.updates.Updates.ENABLE=false \"-Dwuproxy.home=C:\\Program Files\\wuproxy\" -jar "
                + "\"C:\\Program Files\\wuproxy\\wuproxy.jar\" service",
                ServiceInstaller.commandLine("C:\\Program Files\\Java\\bin\\java.exe", "C:\\Program Files\\wuproxy",
                        "C:\\Program Files\\wuproxy\\wuproxy.jar"));
    }

    @Test
    void aTrailingBackslashIsDoubledSoItDoesNotEscapeTheClosingQuote() {
        assertEquals("\"-Dwuproxy.home=C:\\\\\"", ServiceInstaller.quote("-Dwuproxy.home=C:\\"));
        assertEquals("\"E:\\a\\\\\\\\\"", ServiceInstaller.quote("E:\\a\\\\"));
        assertEquals("\"C:\\a\\b\"", ServiceInstaller.quote("C:\\a\\b"), "inner backslashes stay single");
    }

    @Test
    void aQuoteOrAPercentSignIsRefusedWithWhatToDo() {
        var quote = assertThrows(IllegalArgumentException.class, () -> ServiceInstaller.quote("C:\\evil\" & calc.exe \""));
        assertTrue(quote.getMessage().contains("Install wuproxy and Java in folders without those characters"), quote.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServiceInstaller.quote("C:\\%SystemRoot%\\java.exe"));
    }
}
