package net.bestcert.console;

/**
 * Real-name certification form for individuals: real name, ID card number,
 * mobile phone and, for face certification, a photo of the face.
 */
public class CertificationRequest {

    private String realName;
    private String idNumber;
    private String phone;
    private String faceImage;

    public String getRealName() { return realName; }
    public String getIdNumber() { return idNumber; }
    public String getPhone() { return phone; }
    public String getFaceImage() { return faceImage; }
}
