<?php

use App\Http\Controllers\AuthController;
use App\Http\Controllers\CertificateOrderController;
use App\Http\Controllers\CertificationController;
use App\Http\Controllers\ConsultationController;
use App\Http\Controllers\ContactController;
use App\Http\Controllers\ProfileController;
use App\Http\Controllers\SearchController;
use App\Http\Controllers\TicketController;
use App\Http\Middleware\AttachSentryUser;
use Illuminate\Foundation\Http\Middleware\ValidateCsrfToken;
use Illuminate\Support\Facades\Route;

Route::view('/', 'home')->name('home');
Route::get('/search', [SearchController::class, 'products'])->name('search');

Route::middleware('guest')->group(function () {
    Route::post('/register/code', [AuthController::class, 'sendCode'])
        ->middleware('throttle:5,1')
        ->name('register.code');
    Route::post('/register', [AuthController::class, 'register'])->name('register');
    Route::post('/login', [AuthController::class, 'login'])
        ->middleware('throttle:10,1')
        ->name('login');
});

Route::middleware(['auth', AttachSentryUser::class])
    ->prefix('console')
    ->name('console.')
    ->group(function () {
        Route::view('/', 'console.home')->name('home');
        Route::put('/profile', [ProfileController::class, 'update'])->name('profile.update');
        Route::post('/contacts', [ContactController::class, 'store'])->name('contacts.store');
        Route::delete('/contacts/{contact}', [ContactController::class, 'destroy'])->name('contacts.destroy');
        Route::post('/certification/face', [CertificationController::class, 'face'])->name('certification.face');
        Route::post('/tickets', [TicketController::class, 'store'])->name('tickets.store');
        Route::post('/orders/organization-validated', [CertificateOrderController::class, 'organizationValidated'])->name('orders.ov');
        Route::post('/orders/domain-validated', [CertificateOrderController::class, 'domainValidated'])->name('orders.dv');
        Route::post('/logout', [AuthController::class, 'logout'])->name('logout');
    });

Route::middleware(['auth', 'can:answer-tickets'])
    ->post('/staff/tickets/{ticket}/reply', [TicketController::class, 'reply'])
    ->name('staff.tickets.reply');

// Called by the hotline system when a customer-service call ends.
Route::post('/hotline/recordings', [TicketController::class, 'storeRecording'])
    ->middleware('hotline.signature')
    ->withoutMiddleware(ValidateCsrfToken::class)
    ->name('hotline.recordings');

// Called by the customer service desk when an online consultation is closed.
Route::post('/service-desk/consultations', [ConsultationController::class, 'close'])
    ->middleware('hotline.signature')
    ->withoutMiddleware(ValidateCsrfToken::class)
    ->name('service-desk.consultations');
