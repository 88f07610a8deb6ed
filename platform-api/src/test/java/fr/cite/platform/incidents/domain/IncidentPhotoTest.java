package fr.cite.platform.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What an agent hides of a photo is painted over in the published copy, and only that. */
class IncidentPhotoTest {

  static byte[] white(int w, int h) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  static int grey(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xff;
  }

  @Test
  void aMaskPaintsItsRectangleOverAndLeavesTheRestOfThePhoto() throws Exception {
    byte[] photo = white(400, 200);
    // A number plate in the right half, a face in the top-left corner.
    byte[] published =
        IncidentPhoto.masked(
            photo,
            List.of(
                new IncidentPhoto.Mask(0.5, 0.25, 0.5, 0.5),
                new IncidentPhoto.Mask(0, 0, 0.1, 0.2)));
    BufferedImage out = ImageIO.read(new ByteArrayInputStream(published));
    assertThat(out.getWidth()).isEqualTo(400);
    assertThat(out.getHeight()).isEqualTo(200);
    assertThat(grey(out, 300, 100)).isLessThan(90);
    assertThat(grey(out, 398, 52)).isLessThan(90);
    assertThat(grey(out, 10, 10)).isLessThan(90);
    assertThat(grey(out, 100, 100)).isGreaterThan(230);
    assertThat(grey(out, 300, 10)).isGreaterThan(230);
    assertThat(grey(out, 300, 190)).isGreaterThan(230);
  }

  @Test
  void aMaskOutsideThePhotoOrEmptyIsRefused() {
    assertThatThrownBy(() -> new IncidentPhoto.Mask(0.8, 0, 0.3, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IncidentPhoto.Mask(-0.1, 0, 0.3, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IncidentPhoto.Mask(0, 0, 0, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IncidentPhoto.Mask(Double.NaN, 0, 0.3, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void somethingThatIsNotAPhotoCannotBeMasked() {
    assertThatThrownBy(
            () ->
                IncidentPhoto.masked(
                    "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    List.of(new IncidentPhoto.Mask(0, 0, 0.5, 0.5))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
