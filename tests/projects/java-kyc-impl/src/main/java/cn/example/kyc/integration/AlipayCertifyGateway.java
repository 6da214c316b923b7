package cn.example.kyc.integration;

import com.alibaba.fastjson.JSON;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayUserCertifyOpenInitializeModel;
import com.alipay.api.request.AlipayUserCertifyOpenInitializeRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Alipay face verification, step one: register the identity to verify. */
@Component
public class AlipayCertifyGateway {
    private static final String GATEWAY = "https://openapi.alipay.com/gateway.do";

    private final AlipayClient alipayClient;

    public AlipayCertifyGateway(@Value("${alipay.app-id}") String appId,
                                @Value("${alipay.private-key}") String privateKey,
                                @Value("${alipay.public-key}") String alipayPublicKey) {
        this.alipayClient = new DefaultAlipayClient(GATEWAY, appId, privateKey, "json", "UTF-8", alipayPublicKey, "RSA2");
    }

    public String initCertify(String outerOrderNo, String certName, String certNo) {
        Map<String, String> identity = new HashMap<>();
        identity.put("identity_type", "CERT_INFO");
        identity.put("cert_type", "IDENTITY_CARD");
        identity.put("cert_name", certName);
        identity.put("cert_no", certNo);

        AlipayUserCertifyOpenInitializeModel model = new AlipayUserCertifyOpenInitializeModel();
        model.setOuterOrderNo(outerOrderNo);
        model.setBizCode("FACE");
        model.setIdentityParam(JSON.toJSONString(identity));
        AlipayUserCertifyOpenInitializeRequest request = new AlipayUserCertifyOpenInitializeRequest();
        request.setBizModel(model);
        try {
            return alipayClient.execute(request).getCertifyId(); // expect: shared user.name -> alipay
        } catch (AlipayApiException e) {
            throw new IllegalStateException("certify init failed", e);
        }
    }
}
