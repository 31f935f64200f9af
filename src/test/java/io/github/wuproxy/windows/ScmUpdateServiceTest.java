package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.platform.win32.Winsvc;
import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.windows.win32.Advapi32Services;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a wuauserv restart goes, against a service that stops, starts or refuses as told. */
class ScmUpdateServiceTest {
    /** A service with a state; stop and start do what they are told to, and are recorded. */
    static final class FakeService implements ScmUpdateService.Control {
        int state = Winsvc.SERVICE_RUNNING;
        int stateAfterStop = Winsvc.SERVICE_STOPPED;
        ServiceException stopFailure;
        ServiceException startFailure;
        final List<String> calls = new ArrayList<>();

        @Override
        public int state() {
            return state;
        }

        @Override
        public void stop() throws ServiceException {
            calls.add("stop");
            state = stateAfterStop;
            if (stopFailure != null) {
                throw stopFailure;
            }
        }

        @Override
        public void start() throws ServiceException {
            calls.add("start");
            if (startFailure != null) {
                throw startFailure;
            }
            state = Winsvc.SERVICE_RUNNING;
        }
    }

    private final FakeService service = new FakeService();

    @Test
    void aRunningServiceIsStoppedAndStartedAgain() throws Exception {
        ScmUpdateService.restart(service, Advapi32Services.SERVICE_DEMAND_START);
        assertEquals(List.of("stop", "start"), service.calls);
        assertEquals(Winsvc.SERVICE_RUNNING, service.state);
    }

    @Test
    void aStoppedServiceIsLeftAloneItReadsTheProxyWhenItStarts() throws Exception {
        service.state = Winsvc.SERVICE_STOPPED;
        ScmUpdateService.restart(service, Advapi32Services.SERVICE_DEMAND_START);
        assertEquals(List.of(), service.calls);
    }

    @Test
    void aDisabledServiceIsNeverStoppedBecauseItCouldNotStartAgain() throws Exception {
        ScmUpdateService.restart(service, Advapi32Services.SERVICE_DISABLED);
        assertEquals(List.of(), service.calls);
        assertEquals(Winsvc.SERVICE_RUNNING, service.state);
    }

    @Test
    void aFailedStopThatStoppedItAnywayStillStartsItAndSaysTheStopFailed() {
        service.stopFailure = new ServiceException("wuauserv did not stop within 60 s", false);
        var e = assertThrows(ServiceException.class, () -> ScmUpdateService.restart(service, Advapi32Services.SERVICE_AUTO_START));
        assertEquals(List.of("stop", "start"), service.calls);
        assertEquals(Winsvc.SERVICE_RUNNING, service.state, "never left stopped");
        assertTrue(e.getMessage().startsWith("Windows Update could not be stopped"), e.getMessage());
    }

    @Test
    void aRefusedStopLeavesItRunningAndSaysSo() {
        service.stateAfterStop = Winsvc.SERVICE_RUNNING;
        service.stopFailure = new ServiceException("Could not stop wuauserv failed: Access is denied (ERROR_ACCESS_DENIED, 5)", true);
        var e = assertThrows(ServiceException.class, () -> ScmUpdateService.restart(service, Advapi32Services.SERVICE_AUTO_START));
        assertEquals(List.of("stop"), service.calls);
        assertTrue(e.denied());
        assertTrue(e.getMessage().contains("runs with the old one"), e.getMessage());
    }

    @Test
    void aFailedStartIsReportedAsSuchWithWhatToDo() {
        service.startFailure = new ServiceException("Could not start wuauserv failed: (ERROR_SERVICE_DISABLED, 1058)", false);
        var e = assertThrows(ServiceException.class, () -> ScmUpdateService.restart(service, Advapi32Services.SERVICE_AUTO_START));
        assertEquals(List.of("stop", "start"), service.calls);
        assertTrue(e.getMessage().startsWith("Windows Update was stopped to take the new proxy but did not start again"), e.getMessage());
        assertTrue(e.getMessage().contains("services.msc"), e.getMessage());
    }

    @Test
    void aServiceStillStoppingIsReportedWithWhatToDo() {
        service.stateAfterStop = Winsvc.SERVICE_STOP_PENDING;
        service.stopFailure = new ServiceException("wuauserv did not stop within 60 s", false);
        var e = assertThrows(ServiceException.class, () -> ScmUpdateService.restart(service, Advapi32Services.SERVICE_AUTO_START));
        assertEquals(List.of("stop"), service.calls);
        assertTrue(e.getMessage().contains("still stopping") && e.getMessage().contains("services.msc"), e.getMessage());
    }
}
