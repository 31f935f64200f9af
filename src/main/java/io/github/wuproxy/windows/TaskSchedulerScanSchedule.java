package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.COM.COMException;
import com.sun.jna.platform.win32.COM.COMLateBindingObject;
import com.sun.jna.platform.win32.COM.COMUtils;
import com.sun.jna.platform.win32.COM.IDispatch;
import com.sun.jna.platform.win32.OaIdl;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.OleAuto;
import com.sun.jna.platform.win32.Variant;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import io.github.wuproxy.port.ScanSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next run time of Windows Update's periodic scan, read through the Task Scheduler 2.0 COM API
 * (Schedule.Service: ITaskService::Connect, GetFolder, GetTask, IRegisteredTask::get_NextRunTime)
 * with jna-platform's late binding. A missing task or a refused read means "unknown", never an error.
 */
public final class TaskSchedulerScanSchedule implements ScanSchedule {
    private static final Logger log = LoggerFactory.getLogger(TaskSchedulerScanSchedule.class);
    static final String FOLDER = "\\Microsoft\\Windows\\UpdateOrchestrator";
    static final String TASK = "Schedule Scan";
    /** OLE Automation dates count days from this midnight. */
    private static final LocalDate OLE_EPOCH = LocalDate.of(1899, 12, 30);
    /** The range VariantTimeToSystemTime accepts: 1 January 100 to 31 December 9999. */
    private static final double OLE_MIN = -657434, OLE_MAX = 2958466;

    private final String folder;
    private final String task;
    private final ZoneId zone;
    private String lastFailure = "";

    TaskSchedulerScanSchedule(String folder, String task, ZoneId zone) {
        this.folder = folder;
        this.task = task;
        this.zone = zone;
    }

    public static TaskSchedulerScanSchedule open() {
        return new TaskSchedulerScanSchedule(FOLDER, TASK, ZoneId.systemDefault());
    }

    @Override
    public Optional<Instant> next() {
        // COM must be initialised on the calling thread (the engine's): S_OK and S_FALSE both need
        // a CoUninitialize; RPC_E_CHANGED_MODE means the thread has COM already, as a single-threaded apartment.
        WinNT.HRESULT init = Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
        boolean initialised = COMUtils.SUCCEEDED(init);
        if (!initialised && init.intValue() != WinError.RPC_E_CHANGED_MODE) {
            return unknown("CoInitializeEx failed with 0x" + Integer.toHexString(init.intValue()));
        }
        List<Late> held = new ArrayList<>();
        try {
            Late service = hold(held, new Late("Schedule.Service"));
            service.call("Connect");
            Late registered = hold(held, hold(held, service.child("GetFolder", folder)).child("GetTask", task));
            double date = registered.dateProperty("NextRunTime");
            lastFailure = "";
            return instant(date, zone);
        } catch (COMException e) {
            return unknown(e.getMessage());
        } finally {
            held.forEach(Late::release);
            if (initialised) {
                Ole32.INSTANCE.CoUninitialize();
            }
        }
    }

    private static Late hold(List<Late> held, Late object) {
        held.add(object);
        return object;
    }

    /** A repeated failure (the drift check reads this every few minutes) is logged once, then at DEBUG. */
    private Optional<Instant> unknown(String why) {
        if (why != null && !why.equals(lastFailure)) {
            log.info("the next Windows Update scan time is unknown: task {}\\{} could not be read ({})", folder, task, why);
        } else {
            log.debug("the next Windows Update scan time is still unknown: {}", why);
        }
        lastFailure = why == null ? "" : why;
        return Optional.empty();
    }

    /**
     * An OLE Automation DATE (days since 1899-12-30 local midnight; the fraction, taken without its
     * sign, is the time of day, so -1.25 is 29 December 1899 06:00) as an instant, read in
     * {@code zone}: Task Scheduler gives local times. Rounded to the second, Task Scheduler's resolution.
     * Empty for 0 (Task Scheduler: no next run), for values that are not finite, and outside 100..9999.
     */
    static Optional<Instant> instant(double date, ZoneId zone) {
        if (date == 0 || !Double.isFinite(date) || date < OLE_MIN || date >= OLE_MAX) {
            return Optional.empty();
        }
        long days = (long) date; // toward zero
        long seconds = Math.round(Math.abs(date - days) * 86_400);
        return Optional.of(OLE_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds).atZone(zone).toInstant());
    }

    /** An IDispatch with the calls this adapter needs; released by the caller. */
    private static final class Late extends COMLateBindingObject {
        Late(String progId) {
            super(progId, false);
        }

        Late(IDispatch dispatch) {
            super(dispatch);
        }

        void call(String method) {
            invokeNoReply(method);
        }

        /** Calls {@code method} with one string and takes the object it returns. */
        Late child(String method, String argument) {
            Variant.VARIANT arg = new Variant.VARIANT(argument);
            try {
                Variant.VARIANT result = invoke(method, arg);
                if (!(result.getValue() instanceof IDispatch dispatch)) {
                    throw new COMException(method + "(\"" + argument + "\") returned no object");
                }
                return new Late(dispatch);
            } finally {
                OleAuto.INSTANCE.VariantClear(arg);
            }
        }

        /** A DATE property as its raw double, so the conversion stays in {@link #instant}. */
        double dateProperty(String name) {
            Variant.VARIANT.ByReference result = new Variant.VARIANT.ByReference();
            oleMethod(OleAuto.DISPATCH_PROPERTYGET, result, name);
            Object value = result.getValue();
            if (!(value instanceof OaIdl.DATE date)) {
                throw new COMException(name + " is not a date: " + result.getVarType());
            }
            return date.date;
        }
    }
}
