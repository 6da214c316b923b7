<?php

namespace App\Http\Controllers;

use App\Http\Requests\StoreSignupRequest;
use App\Services\AccountService;
use Illuminate\Http\Request;

class SignupController extends Controller
{
    public function __construct(private AccountService $accounts)
    {
    }

    public function store(StoreSignupRequest $request)
    {
        $user = $this->accounts->register($request->validated());
        return response()->json(['id' => $user->id], 201);
    }

    public function verifyPhone(Request $request)
    {
        $phone = $request->input('phone'); // expect: collected user.contact.phone_number
        $this->accounts->sendCode($phone); // expect: shared user.contact.phone_number -> unknown:api.sms-partner.example
        return response()->noContent();
    }
}
