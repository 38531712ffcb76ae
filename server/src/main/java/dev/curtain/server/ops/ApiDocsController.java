package dev.curtain.server.ops;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/** Short addresses for the API documents: {@code /swagger-ui} and {@code /openapi}. */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
public class ApiDocsController {

    @Get("/swagger-ui")
    public HttpResponse<?> swaggerUi() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }

    @Get("/openapi")
    public HttpResponse<?> openApi() {
        return HttpResponse.seeOther(URI.create("/openapi/curtain.yml"));
    }
}
