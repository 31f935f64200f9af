package io.github.wuproxy.probe;

/** Whether the network holds traffic behind a sign-in page. */
public interface CaptivePortalCheck {
    boolean isCaptive();

    CaptivePortalCheck NEVER = () -> false;
}
