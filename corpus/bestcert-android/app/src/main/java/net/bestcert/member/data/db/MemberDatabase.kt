package net.bestcert.member.data.db

import androidx.room.Database
import androidx.room.RoomDatabase

@Database(entities = [LoginRecord::class], version = 3, exportSchema = false)
abstract class MemberDatabase : RoomDatabase() {
    abstract fun loginRecordDao(): LoginRecordDao
}
