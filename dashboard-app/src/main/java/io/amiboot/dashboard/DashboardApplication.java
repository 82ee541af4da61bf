package io.amiboot.dashboard;

/**
 * Placeholder entry point of the call dashboard; the WebFlux application arrives with the dashboard issue.
 */
public final class DashboardApplication {

    private DashboardApplication() {
    }

    public static void main(String[] args) {
        System.out.println("amiboot dashboard: not built yet, see the dashboard issue");
    }
}
