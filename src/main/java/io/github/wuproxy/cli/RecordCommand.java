package io.github.wuproxy.cli;

import io.github.wuproxy.core.location.Anonymiser;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.json.LocationJson;
import io.github.wuproxy.port.ProfileException;
import io.github.wuproxy.port.SourceException;
import io.github.wuproxy.port.StoreException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wuproxy record}: this network as a snapshot, with every probe the profiles use, in the form simulate reads. */
@Command(name = "record")
public final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME")
    String name = "";

    @Option(names = "--define", paramLabel = "NAME")
    String define;

    @Option(names = "--anonymise")
    boolean anonymise;

    @Option(names = "--key", paramLabel = "KEY")
    String key;

    /** Reads this network with every probe the profiles use; the composition root knows how. */
    public interface Network {
        NetworkLocation read() throws ProfileException, SourceException, StoreException;
    }

    private final Network network;

    public RecordCommand(Network network) {
        this.network = network;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (key != null && (!anonymise || key.isEmpty())) {
            err.println(Texts.get(key.isEmpty() ? "record.emptyKey" : "record.keyWithoutAnonymise"));
            return ExitCodes.BAD_INPUT;
        }
        try {
            NetworkLocation here = network.read();
            here = new NetworkLocation(name.isEmpty() && define != null ? define : name, here.links(), here.category(), here.networkName(), here.probes(), here.captivePortal());
            if (anonymise) {
                here = (key == null ? Anonymiser.withFreshKey() : Anonymiser.withKey(key)).anonymise(here);
            }
            if (here.probes().pac().isEmpty()) {
                err.println(Texts.get("record.noPac"));
            }
            var snapshot = LocationJson.write(here);
            spec.commandLine().getOut().println(define == null ? snapshot.toString()
                    : io.github.wuproxy.json.Json.object().set("define", io.github.wuproxy.json.Json.object()
                            .set(define, snapshot)).toString());
            return ExitCodes.OK;
        } catch (ProfileException e) {
            e.problems().forEach(err::println);
            return ExitCodes.BAD_INPUT;
        } catch (SourceException | StoreException e) {
            err.println(Texts.get("record.failed", e.getMessage()));
            return ExitCodes.FAILURE;
        }
    }
}
