<?php

namespace App\Http\Controllers;

use App\Http\Requests\RegisterRequest;
use App\Models\User;
use App\Services\SmsGateway;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Hash;
use Illuminate\Support\Facades\Log;

class AuthController extends Controller
{
    /** Name of the cookie that pre-fills the login form. */
    private const REMEMBER_MOBILE_COOKIE = 'bc_mobile';

    public function __construct(private SmsGateway $sms)
    {
    }

    /**
     * Sends the six-digit registration code to the mobile phone number.
     */
    public function sendCode(Request $request): RedirectResponse
    {
        $mobile = $request->input('mobile');
        $code = (string) random_int(100000, 999999);
        Cache::put('register-code:' . $mobile, Hash::make($code), now()->addMinutes(5));

        $this->sms->send($mobile, 'verify_code', ['code' => $code]);
        Log::info('register code requested', ['ip' => $request->ip()]);

        return back()->with('status', 'A verification code was sent to your mobile phone.');
    }

    public function register(RegisterRequest $request): RedirectResponse
    {
        $hashedCode = Cache::pull('register-code:' . $request->input('mobile'));
        if (! $hashedCode || ! Hash::check($request->input('sms_code'), $hashedCode)) {
            return back()->withErrors(['sms_code' => 'The verification code is wrong or expired.']);
        }

        $user = User::create([
            'member_name' => $request->input('member_name'),
            'mobile' => $request->input('mobile'),
            'password' => Hash::make($request->input('password')),
        ]);
        Log::info('member registered', ['user_id' => $user->id, 'mobile' => $user->maskedMobile()]);

        Auth::login($user);

        return redirect()->route('console.home')
            ->withCookie(cookie(self::REMEMBER_MOBILE_COOKIE, $user->mobile, 60 * 24 * 30));
    }

    public function login(Request $request): RedirectResponse
    {
        $credentials = $request->only(['mobile', 'password']);
        if (! Auth::attempt($credentials, $request->boolean('remember'))) {
            Log::warning('login failed', ['mobile' => $request->input('mobile')]);

            return back()->withErrors(['mobile' => 'These credentials do not match our records.']);
        }

        DB::table('login_logs')->insert([
            'user_id' => Auth::id(),
            'ip' => $request->ip(),
            'user_agent' => $request->userAgent(),
            'created_at' => now(),
        ]);

        return redirect()->intended(route('console.home'));
    }

    public function logout(Request $request): RedirectResponse
    {
        Log::info('member logged out', ['user_id' => Auth::id()]);
        Auth::logout();
        $request->session()->invalidate();

        return redirect()->route('home');
    }
}
