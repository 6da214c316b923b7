package cn.example.kyc.mapper;

import cn.example.kyc.entity.KycRecord;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface KycRecordMapper {
    int insert(KycRecord record);

    KycRecord selectByUserId(Long userId);
}
