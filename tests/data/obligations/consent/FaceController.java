import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class FaceController {
    @PostMapping("/face")
    public void upload(@RequestParam String faceImage) throws Exception { // expect: consent-not-checked
        Files.writeString(Path.of("/data/face.txt"), faceImage); // expect: consent-not-checked
    }

    @PostMapping("/face-after-consent")
    public void uploadAfterConsent(@RequestParam String faceImage, @RequestParam boolean agreed) throws Exception {
        if (!consents.hasConsent(agreed)) {
            throw new IllegalStateException("consent needed");
        }
        Files.writeString(Path.of("/data/face.txt"), faceImage);
    }
}
