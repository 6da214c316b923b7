package cn.example.kyc.service.impl;

import cn.example.kyc.entity.KycRecord;
import cn.example.kyc.integration.AlipayCertifyGateway;
import cn.example.kyc.integration.SmsSender;
import cn.example.kyc.mapper.KycRecordMapper;
import cn.example.kyc.service.IdentityService;
import cn.example.kyc.util.DesensitizeUtil;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

@Slf4j
@Service
public class IdentityServiceImpl implements IdentityService {
    @Autowired
    private AlipayCertifyGateway certifyGateway;

    @Autowired
    private KycRecordMapper kycRecordMapper;

    @Autowired
    private SmsSender smsSender;

    @Override
    public String verify(Long userId, String realName, String idCard, String mobile) {
        log.info("kyc start user={} idCard={}", userId, DesensitizeUtil.idCard(idCard));
        String orderNo = UUID.randomUUID().toString();
        String certifyId = certifyGateway.initCertify(orderNo, realName, idCard);

        KycRecord record = KycRecord.builder()
                .userId(userId)
                .realName(realName)
                .idCardNo(idCard)
                .mobile(mobile)
                .certifyId(certifyId)
                .status("PENDING")
                .build();
        kycRecordMapper.insert(record); // expect: stored user.name; stored user.government_id.national_identification_number; stored user.contact.phone_number

        Map<String, Object> params = new HashMap<>();
        params.put("tel", mobile);
        params.put("tpl_id", 1024);
        smsSender.send(params);
        return certifyId;
    }

    @Override
    public String status(Long userId) {
        KycRecord record = kycRecordMapper.selectByUserId(userId);
        log.info("kyc status user={} status={}", userId, record.getStatus());
        return record.getStatus();
    }
}
