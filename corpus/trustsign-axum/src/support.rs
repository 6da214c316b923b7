use axum::extract::State;
use axum::http::StatusCode;
use axum::Form;
use serde::Deserialize;

use crate::AppState;

/// 居民身份证号码长度。
const SFZH_LEN: usize = 18;

/// 客服咨询表单：姓名、手机号、问题描述，可选附带身份证号以便核对实名信息。
#[derive(Debug, Deserialize)]
pub struct ZixunForm {
    pub xingming: String,
    pub shouji_hao: String,
    pub wenti: String,
    #[serde(default)]
    pub sfzh: Option<String>,
}

/// 手机号脱敏：138****5678
fn tuomin_shouji(shouji_hao: &str) -> String {
    if shouji_hao.len() < 7 {
        return "***".to_string();
    }
    format!("{}****{}", &shouji_hao[..3], &shouji_hao[shouji_hao.len() - 4..])
}

pub async fn submit_zixun(State(state): State<AppState>, Form(form): Form<ZixunForm>) -> StatusCode {
    let shouji_hao = form.shouji_hao.trim().to_string();
    // 身份证号只用于核对长度，不写入数据库，也不写日志。
    if form.sfzh.as_deref().is_some_and(|s| s.len() != SFZH_LEN) {
        tracing::warn!("sfzh 长度错误，应为 {} 位", SFZH_LEN);
        return StatusCode::UNPROCESSABLE_ENTITY;
    }

    tracing::info!("收到客服咨询 xingming={} shouji_hao={}", form.xingming, shouji_hao);
    let result = sqlx::query("INSERT INTO zixun (xingming, shouji_hao, wenti) VALUES ($1, $2, $3)")
        .bind(&form.xingming)
        .bind(&shouji_hao)
        .bind(&form.wenti)
        .execute(&state.db)
        .await;

    match result {
        Ok(_) => {
            tracing::info!(shouji = %tuomin_shouji(&shouji_hao), "咨询已保存，等待客服回电");
            StatusCode::CREATED
        }
        Err(err) => {
            eprintln!("zixun insert failed: {err}");
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}
