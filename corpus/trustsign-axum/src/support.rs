use axum::extract::State;
use axum::http::StatusCode;
use axum::Form;
use serde::{Deserialize, Serialize};

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

/// 授权经销商的报价接口：用户明确同意后，才把姓名和手机号转交给经销商（隐私政策第 3.1 节）。
const JINGXIAOSHANG_API: &str = "https://api.channelhub-resellers.com/v1/referrals";

#[derive(Serialize)]
struct Zhuanjiao<'a> {
    xingming: &'a str,
    shouji_hao: &'a str,
    chanpin: &'a str,
}

/// 经销商报价表单。`tongyi_zhuanjiao`：“同意将我的联系方式提供给授权经销商”勾选框。
#[derive(Debug, Deserialize)]
pub struct BaojiaForm {
    pub xingming: String,
    pub shouji_hao: String,
    pub chanpin: String,
    #[serde(default)]
    pub tongyi_zhuanjiao: bool,
}

pub async fn qingqiu_baojia(Form(form): Form<BaojiaForm>) -> StatusCode {
    if !form.tongyi_zhuanjiao {
        return StatusCode::FORBIDDEN;
    }
    let zhuanjiao = Zhuanjiao {
        xingming: &form.xingming,
        shouji_hao: &form.shouji_hao,
        chanpin: &form.chanpin,
    };
    let sent = reqwest::Client::new()
        .post(JINGXIAOSHANG_API)
        .json(&zhuanjiao)
        .send()
        .await;
    match sent {
        Ok(_) => StatusCode::ACCEPTED,
        Err(err) => {
            tracing::warn!(error = %err, chanpin = %form.chanpin, "经销商报价请求转交失败");
            StatusCode::BAD_GATEWAY
        }
    }
}

/// 经销商渠道用户的咨询表单：附带购买的产品。
#[derive(Debug, Deserialize)]
pub struct QudaoZixunForm {
    pub xingming: String,
    pub shouji_hao: String,
    pub chanpin: String,
    pub wenti: String,
}

/// 经销商渠道的咨询：保存咨询，同时抄送给购买渠道的经销商，由经销商先行回电。
pub async fn submit_zixun_qudao(State(state): State<AppState>, Form(form): Form<QudaoZixunForm>) -> StatusCode {
    let saved = sqlx::query("INSERT INTO zixun (xingming, shouji_hao, wenti) VALUES ($1, $2, $3)")
        .bind(&form.xingming)
        .bind(&form.shouji_hao)
        .bind(&form.wenti)
        .execute(&state.db)
        .await;
    if saved.is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR;
    }

    let zhuanjiao = Zhuanjiao {
        xingming: &form.xingming,
        shouji_hao: &form.shouji_hao,
        chanpin: &form.chanpin,
    };
    let sent = reqwest::Client::new()
        .post(JINGXIAOSHANG_API)
        .json(&zhuanjiao)
        .send()
        .await;
    if let Err(err) = sent {
        tracing::warn!(error = %err, chanpin = %form.chanpin, "经销商抄送失败");
    }
    StatusCode::CREATED
}
