package io.github.wuproxy.bench;

/** The Java hello-world the CLI's start is compared with. */
public final class Hello {
    private Hello() {}

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
