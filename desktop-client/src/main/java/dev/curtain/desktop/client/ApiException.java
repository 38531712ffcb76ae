package dev.curtain.desktop.client;

import dev.curtain.model.problem.Problem;
import java.io.IOException;

/** The server refused a request; {@link #problem()} says why, in its stable code and plain words. */
public final class ApiException extends IOException {

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.code() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
