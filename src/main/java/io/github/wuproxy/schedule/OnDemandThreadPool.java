package io.github.wuproxy.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.quartz.spi.ThreadPool;

/**
 * Quartz's worker, as one daemon thread that sleeps until a job is handed to it. Quartz's own
 * SimpleThreadPool polls twice a second while idle; an agent that should cost nothing when nothing
 * happens cannot afford that.
 */
public final class OnDemandThreadPool implements ThreadPool {
    private ExecutorService worker;
    private String name = "wuproxy";

    @Override
    public void initialize() {
        worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-schedule");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public boolean runInThread(Runnable job) {
        if (worker == null || worker.isShutdown()) {
            return false;
        }
        worker.execute(job);
        return true;
    }

    /** One job at a time; a second waits in the queue, which is what one worker thread would do too. */
    @Override
    public int blockForAvailableThreads() {
        return 1;
    }

    @Override
    public int getPoolSize() {
        return 1;
    }

    @Override
    public void shutdown(boolean waitForJobsToComplete) {
        if (worker == null) {
            return;
        }
        worker.shutdown();
        if (waitForJobsToComplete) {
            try {
                worker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void setInstanceId(String schedInstId) {
        // one pool per scheduler; nothing to tell apart
    }

    @Override
    public void setInstanceName(String schedName) {
        name = schedName;
    }
}
