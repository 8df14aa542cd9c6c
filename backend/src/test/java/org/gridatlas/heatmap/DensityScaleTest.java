package org.gridatlas.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The tiles' 8-bit indexed PNG carries exactly the colours of the absolute scale, in both modes. */
class DensityScaleTest {
    // one value in every class of both modes, on and around the breaks (incidents per km² per month)
    private static final double[] VALUES = {
        0, 1e-13, 0.2, 0.999, 1, 5, 10, 29.9, 30, 99, 100, 299, 300, 999, 1000, 2999, 3000, 9999, 10000, 5e6, -0.5, -1,
        -10, -45, -150, -400, -2000, -5000, -20000
    };

    @Test
    void theIndexedTileHasTheColoursOfTheScale() throws Exception {
        for (boolean difference : new boolean[] {false, true}) {
            BufferedImage img = DensityScale.indexedImage(VALUES.length, 1, VALUES, difference);
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(HeatmapService.png(img)));
            for (int i = 0; i < VALUES.length; i++) {
                int expected = DensityScale.argb(VALUES[i], difference);
                assertEquals(expected, png.getRGB(i, 0), "value " + VALUES[i] + " difference " + difference);
            }
        }
    }
}
