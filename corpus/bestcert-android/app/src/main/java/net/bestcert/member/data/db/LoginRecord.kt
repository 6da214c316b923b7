package net.bestcert.member.data.db

import androidx.room.ColumnInfo
import androidx.room.Entity
import androidx.room.PrimaryKey

/** One sign-in on this device, shown to the member under "Recent logins". */
@Entity(tableName = "login_record")
data class LoginRecord(
    @PrimaryKey(autoGenerate = true) val id: Long = 0,
    @ColumnInfo(name = "member_id") val memberId: Long,
    @ColumnInfo(name = "device_model") val deviceModel: String,
    @ColumnInfo(name = "latitude") val latitude: Double?,
    @ColumnInfo(name = "longitude") val longitude: Double?,
    @ColumnInfo(name = "signed_in_at") val signedInAt: Long,
)
