<?php

namespace App\Services;

use App\Clients\SmsClient;
use App\Models\User;
use App\Support\AuditLog;
use Illuminate\Support\Facades\Hash;

class AccountService
{
    public function __construct(private SmsClient $sms)
    {
    }

    public function register(array $data): User
    {
        $user = User::create([ // expect: stored user.contact.email; stored user.contact.phone_number
            'email' => $data['email'],
            'phone' => $data['phone'],
            'password' => Hash::make($data['password']),
        ]);
        AuditLog::record('signup', $data['email']); // expect: logged user.contact.email
        audit_line('signup for user ' . $user->id);
        return $user;
    }

    public function sendCode(string $phone): void
    {
        $code = random_int(100000, 999999);
        $this->sms->send($phone, "Your code is {$code}");
        audit_line('code sent to ' . mask_phone($phone));
    }
}
