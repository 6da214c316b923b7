<?php

namespace App\Http\Requests;

use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Validation\Rules\Password;

/**
 * Registration form (policy 2.1.1): member name, mainland mobile number, the SMS
 * verification code and a login password.
 */
class RegisterRequest extends FormRequest
{
    public function rules(): array
    {
        return [
            'member_name' => ['required', 'string', 'max:60'],
            'mobile' => ['required', 'regex:/^1[3-9]\d{9}$/', 'unique:users,mobile'],
            'sms_code' => ['required', 'digits:6'],
            'password' => ['required', 'confirmed', Password::min(8)],
        ];
    }
}
