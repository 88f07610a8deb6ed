package fr.cite.platform.town.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ValidatedImageTest {

  static byte[] image(String format, int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }

  @Test
  void acceptsPngAndJpegByTheirContent() throws IOException {
    var png = ValidatedImage.check(image("png", 40, 30));
    assertThat(png.accepted()).isTrue();
    assertThat(png.image().contentType()).isEqualTo("image/png");
    assertThat(png.image().width()).isEqualTo(40);
    assertThat(png.image().sha256()).hasSize(64);
    assertThat(ValidatedImage.check(image("jpg", 10, 10)).image().contentType())
        .isEqualTo("image/jpeg");
  }

  @Test
  void refusesSvgGifAndScriptsWhateverTheyClaim() throws IOException {
    byte[] svg =
        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(ValidatedImage.check(svg).rejection())
        .isEqualTo(ValidatedImage.Rejection.NOT_PNG_OR_JPEG);
    assertThat(ValidatedImage.check(image("gif", 5, 5)).rejection())
        .isEqualTo(ValidatedImage.Rejection.NOT_PNG_OR_JPEG);
  }

  @Test
  void refusesTruncatedImagesWithARealHeader() throws IOException {
    byte[] png = image("png", 50, 50);
    assertThat(ValidatedImage.check(Arrays.copyOf(png, 20)).rejection())
        .isEqualTo(ValidatedImage.Rejection.UNREADABLE);
  }

  @Test
  void refusesEmptyHugeAndOversizedImages() throws IOException {
    assertThat(ValidatedImage.check(new byte[0]).rejection())
        .isEqualTo(ValidatedImage.Rejection.EMPTY);
    assertThat(ValidatedImage.check(new byte[ValidatedImage.MAX_BYTES + 1]).rejection())
        .isEqualTo(ValidatedImage.Rejection.TOO_LARGE);
    assertThat(ValidatedImage.check(image("png", 2500, 10)).rejection())
        .isEqualTo(ValidatedImage.Rejection.TOO_MANY_PIXELS);
  }

  @Test
  void storesOnlyThePixelsNeverWhatCameWithThem() throws IOException {
    byte[] payload = "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
    for (String format : new String[] {"png", "jpg"}) {
      byte[] original = image(format, 40, 30);
      byte[] polyglot = Arrays.copyOf(original, original.length + payload.length);
      System.arraycopy(payload, 0, polyglot, original.length, payload.length);
      ValidatedImage.Result r = ValidatedImage.check(polyglot);
      assertThat(r.accepted()).as(format).isTrue();
      String stored = new String(r.image().bytes(), StandardCharsets.ISO_8859_1);
      assertThat(stored).as(format).doesNotContain("<script>");
      BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(r.image().bytes()));
      assertThat(back.getWidth()).isEqualTo(40);
      assertThat(back.getHeight()).isEqualTo(30);
    }
  }
}
