dependencies {
    implementation("com.umeng.umsdk:common:9.6.3")
    implementation("com.jakewharton.timber:timber:5.0.1")
}
