package net.bestcert.member.data.db

import androidx.room.Dao
import androidx.room.Insert
import androidx.room.Query

@Dao
interface LoginRecordDao {
    @Insert
    suspend fun insert(record: LoginRecord)

    @Query("SELECT * FROM login_record WHERE member_id = :memberId ORDER BY signed_in_at DESC LIMIT 20")
    suspend fun recent(memberId: Long): List<LoginRecord>

    @Query("SELECT COUNT(*) FROM login_record")
    suspend fun count(): Int

    @Query("DELETE FROM login_record WHERE signed_in_at < :before")
    suspend fun prune(before: Long)
}
