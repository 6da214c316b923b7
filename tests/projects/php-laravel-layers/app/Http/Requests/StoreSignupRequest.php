<?php

namespace App\Http\Requests;

use Illuminate\Foundation\Http\FormRequest;

class StoreSignupRequest extends FormRequest
{
    public function rules(): array
    {
        return [
            'email' => 'required|email', // expect: collected user.contact.email
            'phone' => 'required', // expect: collected user.contact.phone_number
            'password' => 'required|min:12', // expect: collected user.authorization.password
        ];
    }
}
