package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The real Task Scheduler, against PowerShell's Get-ScheduledTaskInfo as the oracle. */
@EnabledOnOs(OS.WINDOWS)
class TaskSchedulerScanScheduleIT {
    @Test
    void readsWhatPowerShellReadsOrNothingWhenItCannot() throws Exception {
        Optional<Instant> ours = TaskSchedulerScanSchedule.open().next();
        Optional<Instant> theirs = powerShell();
        assertEquals(theirs, ours);
        ours.ifPresent(next -> assertTrue(next.isBefore(Instant.now().plus(Duration.ofDays(60))), next + " is implausibly far"));
    }

    @Test
    void aMissingTaskOrFolderIsUnknownNotAnError() {
        assertEquals(Optional.empty(), new TaskSchedulerScanSchedule(TaskSchedulerScanSchedule.FOLDER, "No Such Task wuproxy",
                ZoneId.systemDefault()).next());
        assertEquals(Optional.empty(), new TaskSchedulerScanSchedule("\\No\\Such\\Folder\\wuproxy", "Schedule Scan",
                ZoneId.systemDefault()).next());
    }

    @Test
    void readsTwiceOnOneThread() {
        var schedule = TaskSchedulerScanSchedule.open();
        assertEquals(schedule.next(), schedule.next(), "COM is initialised and released per read");
    }

    /** NextRunTime in UTC, round-trip format; empty when PowerShell finds no task, no time, or no right. */
    private static Optional<Instant> powerShell() throws IOException, InterruptedException {
        String script = "$i = Get-ScheduledTaskInfo -TaskPath '\\Microsoft\\Windows\\UpdateOrchestrator\\' -TaskName 'Schedule Scan' "
                + "-ErrorAction SilentlyContinue; if ($i -and $i.NextRunTime) { $i.NextRunTime.ToUniversalTime().ToString('o') }";
        Process p = new ProcessBuilder("powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(out.endsWith("Z") ? out : out + "Z").truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
