package fr.cite.platform.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CheckedFileTest {

  @Test
  void imagesAreReencodedAndNamedSafely() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
    CheckedFile.Outcome o = CheckedFile.check("../../etc/photo\u0000.png", png.toByteArray());
    assertThat(o.file()).isPresent();
    assertThat(o.file().get().contentType()).isEqualTo("image/png");
    assertThat(o.file().get().fileName()).isEqualTo("photo_.png");
  }

  @Test
  void whatIsNotAnImageOrAPdfIsRefused() {
    assertThat(CheckedFile.check("x.png", "<?php echo 1;".getBytes()).refusal())
        .isEqualTo(CheckedFile.Refusal.TYPE);
    assertThat(CheckedFile.check("x.pdf", new byte[0]).refusal())
        .isEqualTo(CheckedFile.Refusal.EMPTY);
    assertThat(
            CheckedFile.check("x.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2})
                .refusal())
        .isEqualTo(CheckedFile.Refusal.UNREADABLE);
    assertThat(CheckedFile.check("x.pdf", new byte[CheckedFile.MAX_BYTES + 1]).refusal())
        .isEqualTo(CheckedFile.Refusal.TOO_LARGE);
    assertThat(CheckedFile.check("doc", "%PDF-1.7 ...".getBytes()).file().get().fileName())
        .isEqualTo("doc.pdf");
  }
}
