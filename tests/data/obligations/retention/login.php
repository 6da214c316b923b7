<?php

use Illuminate\Support\Facades\Cache;

function login()
{
    $email = $_POST['email'];
    setcookie('remember_email', $email, time() + 60 * 60 * 24 * 365); // expect: retention-exceeded
    setcookie('login_email', $email, time() + 3600);
    Cache::put('email', $email, 60 * 60 * 24 * 90); // expect: retention-exceeded
    Cache::forever('email_forever', $email); // expect: retention-exceeded
    Cache::put('otp', $email, 600);
}
