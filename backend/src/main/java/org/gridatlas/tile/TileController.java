package org.gridatlas.tile;

import java.time.Duration;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/tiles/{layer}/{z}/{x}/{y}.mvt}: buildings, grids and incidents as Mapbox Vector Tiles. */
@RestController
class TileController {
    static final String MVT = "application/vnd.mapbox-vector-tile";

    private final TileService tiles;

    TileController(TileService tiles) {
        this.tiles = tiles;
    }

    @GetMapping(path = "/api/tiles/{layer}/{z}/{x}/{y}.mvt", produces = MVT)
    ResponseEntity<byte[]> tile(
            @PathVariable String layer,
            @PathVariable String z,
            @PathVariable String x,
            @PathVariable String y,
            @AuthenticationPrincipal GridAtlasUser user) {
        byte[] body = tiles.tile(user.scope(), layer, integer("z", z), integer("x", x), integer("y", y));
        // private: the content depends on the user's scope
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .body(body);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " must be a whole number: '" + value + "'");
        }
    }
}
