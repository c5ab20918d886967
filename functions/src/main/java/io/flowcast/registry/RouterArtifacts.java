package io.flowcast.registry;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.router.MethodRouter;
import io.flowcast.router.RouterMethod;

/**
 * Turns a registered router artifact into a forecaster that knows the method {@code router},
 * after checking it: checksum, format, and that this build knows every method of its pool.
 */
public final class RouterArtifacts {

    private RouterArtifacts() {}

    /** Why the artifact must not be used; empty when it is sound. */
    public static String problem(byte[] artifact, String sha256) {
        if (artifact == null || artifact.length == 0) {
            return "no artifact";
        }
        if (sha256 == null || !MethodRouter.sha256(artifact).equals(sha256)) {
            return "artifact checksum mismatch (registered " + sha256 + ")";
        }
        try (MethodRouter router = MethodRouter.fromBytes(artifact)) {
            MethodRegistry base = MethodRegistry.defaults();
            for (String m : router.methods()) {
                if (base.find(m).isEmpty()) {
                    return "router pool has method '" + m + "' this build does not know";
                }
            }
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * The engine with {@code router} (weighted) backed by this artifact, falling back to the
     * rules ({@code auto}) for a series the router cannot forecast.
     *
     * @throws IllegalArgumentException when the artifact is not sound (see {@link #problem})
     */
    public static Forecaster forecaster(byte[] artifact, String sha256) {
        String problem = problem(artifact, sha256);
        if (!problem.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
        MethodRegistry base = MethodRegistry.defaults();
        MethodRouter router = MethodRouter.fromBytes(artifact);
        return new Forecaster(base.with(new RouterMethod(router, new Forecaster(base), RouterMethod.Mode.WEIGHTED),
                MethodRegistry.AUTO));
    }
}
