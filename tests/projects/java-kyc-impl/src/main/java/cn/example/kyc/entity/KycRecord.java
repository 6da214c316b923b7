package cn.example.kyc.entity;

import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;

@Data
@Builder
@NoArgsConstructor
@AllArgsConstructor
public class KycRecord {
    private Long id;
    private Long userId;
    private String realName;
    private String idCardNo;
    private String mobile;
    private String certifyId;
    private String status;
}
