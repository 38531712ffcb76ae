package dev.curtain.server.drawer;

import dev.curtain.model.drawer.DrawerCloseRequest;
import dev.curtain.model.drawer.DrawerOpenRequest;
import dev.curtain.model.drawer.DrawerSession;
import dev.curtain.server.auth.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/api/drawer")
@Tag(name = "cash drawer")
@Secured({Roles.ADMIN, Roles.MANAGER, Roles.CLERK})
@ExecuteOn(TaskExecutors.BLOCKING)
public class DrawerController {

    private final DrawerService drawers;

    public DrawerController(DrawerService drawers) {
        this.drawers = drawers;
    }

    @Post("/open")
    @Operation(summary = "Open your cash drawer with a float; cash sales and refunds need an open drawer")
    public HttpResponse<DrawerSession> open(@Body DrawerOpenRequest request, Authentication who) {
        return HttpResponse.created(drawers.open(who.getName(), who.getRoles(), request));
    }

    @Get
    @Operation(summary = "Your open drawer: float, cash sales, cash refunds, expected cash")
    public DrawerSession current(Authentication who) {
        return drawers.current(who.getName());
    }

    @Post("/close")
    @Operation(summary = "Close your drawer with the counted cash: expected, counted and over/short")
    public DrawerSession close(@Body DrawerCloseRequest request, Authentication who) {
        return drawers.close(who.getName(), who.getRoles(), request);
    }
}
