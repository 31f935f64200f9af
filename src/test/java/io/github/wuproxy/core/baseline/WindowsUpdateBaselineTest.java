package io.github.wuproxy.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.baseline.WindowsUpdateBaseline.Attempt;
import io.github.wuproxy.core.baseline.WindowsUpdateBaseline.Network;
import io.github.wuproxy.core.baseline.WindowsUpdateBaseline.Source;
import io.github.wuproxy.core.baseline.WindowsUpdateBaseline.Way;
import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowsUpdateBaselineTest {
    private static final UpdateProxy CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");
    private static final UpdateProxy DIRECT = UpdateProxy.direct();
    private final WindowsUpdateBaseline directMachine = new WindowsUpdateBaseline(DIRECT, Source.MICROSOFT, false);

    @Test
    void scanUsesTheProxyWpadFindsWhenTheMachineHoldsNone() {
        Attempt scan = directMachine.scan(new Network(CORP, Optional.of(UpdateProxy.fixed("proxy.corp.example.com:8080", "")), Optional.empty()));
        assertTrue(scan.fits());
        assertEquals(Way.WPAD, scan.way());
        assertEquals(0, scan.error());
    }

    @Test
    void scanGoesDirectWhenNoWpadIsFoundAndFailsWhereAProxyIsNeeded() {
        Attempt scan = directMachine.scan(new Network(CORP, Optional.empty(), Optional.empty()));
        assertFalse(scan.fits());
        assertEquals(Way.MACHINE, scan.way());
        assertEquals(DIRECT, scan.proxy());
        assertEquals(0x80072EFD, scan.error());
    }

    @Test
    void aMachineProxySetByHandWinsOverWpadAndFailsOffItsNetwork() {
        var fixedMachine = new WindowsUpdateBaseline(CORP, Source.MICROSOFT, false);
        assertEquals(Way.MACHINE, fixedMachine.scan(new Network(CORP, Optional.of(DIRECT), Optional.empty())).way());
        Attempt atHome = fixedMachine.scan(new Network(DIRECT, Optional.empty(), Optional.empty()));
        assertFalse(atHome.fits());
        assertEquals(0x80072EE7, atHome.error(), "the office proxy's name does not resolve at home");
    }

    @Test
    void microsoftHostedScanFallsBackToTheUsersProxyAfterCannotConnect() {
        Attempt scan = directMachine.scan(new Network(CORP, Optional.empty(), Optional.of(CORP)));
        assertTrue(scan.fits());
        assertEquals(Way.USER, scan.way());
    }

    @Test
    void wsusScanDoesNotFallBackToTheUsersProxyUnlessThePolicySaysSo() {
        Network office = new Network(CORP, Optional.empty(), Optional.of(CORP));
        Attempt plain = new WindowsUpdateBaseline(DIRECT, Source.WSUS, false).scan(office);
        assertFalse(plain.fits());
        assertEquals(Way.MACHINE, plain.way());
        assertEquals(0x80072EFD, plain.error());
        assertTrue(new WindowsUpdateBaseline(DIRECT, Source.WSUS, true).scan(office).fits(), "SetProxyBehaviorForUpdateDetection = 1");
    }

    @Test
    void aWrongUserProxyLeavesTheSystemProxysErrorStanding() {
        Attempt scan = directMachine.scan(new Network(CORP, Optional.empty(), Optional.of(UpdateProxy.fixed("other.example:3128", ""))));
        assertFalse(scan.fits());
        assertEquals(Way.MACHINE, scan.way());
    }

    @Test
    void downloadsGoThroughTheUsersProxyNotTheMachines() {
        var fixedMachine = new WindowsUpdateBaseline(CORP, Source.MICROSOFT, false);
        Attempt atHome = fixedMachine.download(new Network(DIRECT, Optional.empty(), Optional.of(DIRECT)));
        assertTrue(atHome.fits(), "the user's direct setting wins over the machine's office proxy");
        assertEquals(Way.USER, atHome.way());
        Attempt wrongUser = directMachine.download(new Network(DIRECT, Optional.empty(), Optional.of(CORP)));
        assertFalse(wrongUser.fits());
        assertEquals(0x80072EE7, wrongUser.error());
    }

    @Test
    void downloadsUseTheMachineProxyWithNobodySignedIn() {
        Attempt download = directMachine.download(new Network(CORP, Optional.empty(), Optional.empty()));
        assertEquals(Way.MACHINE, download.way());
        assertFalse(download.fits());
    }
}
