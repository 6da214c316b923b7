<?php

namespace App\Http\Requests;

use Illuminate\Foundation\Http\FormRequest;

class StoreSignupRequest extends FormRequest
{
    public function rules(): array
    {
        return [
            'email' => 'required|email',
            'phone' => 'required',
            'password' => 'required|min:12',
        ];
    }
}
