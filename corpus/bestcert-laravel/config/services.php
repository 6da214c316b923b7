<?php

return [

    /*
    |--------------------------------------------------------------------------
    | Third Party Services
    |--------------------------------------------------------------------------
    |
    | Credentials of the services the website talks to: the SMS gateway, the
    | certification bucket, Alipay identity verification, the CRM and the
    | hotline system. Secrets come from the environment.
    |
    */

    'aliyun_sms' => [
        'access_key_id' => env('ALIYUN_ACCESS_KEY_ID'),
        'access_key_secret' => env('ALIYUN_ACCESS_KEY_SECRET'),
        'endpoint' => 'dysmsapi.aliyuncs.com',
        'sign_name' => env('SMS_SIGN_NAME', 'BestCert'),
        'templates' => [
            'verify_code' => 'SMS_271495032',
            'ticket_replied' => 'SMS_271495118',
        ],
    ],

    'oss' => [
        'access_key_id' => env('ALIYUN_ACCESS_KEY_ID'),
        'access_key_secret' => env('ALIYUN_ACCESS_KEY_SECRET'),
        'endpoint' => env('OSS_ENDPOINT', 'https://oss-cn-hangzhou.aliyuncs.com'),
        'bucket' => env('OSS_CERTIFICATION_BUCKET', 'bestcert-certification'),
    ],

    'alipay' => [
        'app_id' => env('ALIPAY_APP_ID'),
        'merchant_private_key' => env('ALIPAY_MERCHANT_PRIVATE_KEY'),
        'alipay_public_key' => env('ALIPAY_PUBLIC_KEY'),
        'notify_url' => env('APP_URL') . '/alipay/certification/notify',
        'return_url' => env('APP_URL') . '/console/certification/return',
    ],

    'hubspot' => [
        'token' => env('HUBSPOT_ACCESS_TOKEN'),
        'owner_id' => env('HUBSPOT_OWNER_ID'),
    ],

    'hotline' => [
        'url' => env('HOTLINE_URL', 'http://hotline.bestcert.internal:8080'),
        'secret' => env('HOTLINE_WEBHOOK_SECRET'),
        'recording_disk' => 'recordings',
    ],

    'mail' => [
        'contact_invitation_template' => 'emails.contact-invitation',
        'support_email' => 'support@bestcert.net',
    ],

    'partner_ca' => [
        'token' => env('PARTNER_CA_API_TOKEN'),
    ],

];
