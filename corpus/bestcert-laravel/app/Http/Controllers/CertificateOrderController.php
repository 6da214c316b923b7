<?php

namespace App\Http\Controllers;

use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Log;

/**
 * Certificate orders. BestCert places each order with the issuing CA, which
 * validates the applicant before it issues the certificate.
 */
class CertificateOrderController extends Controller
{
    private const CA_ORDER_URL = 'https://api.partnerca.cn/v1/orders';

    /**
     * OV and EV certificates: the CA calls the applicant to validate the organization.
     */
    public function organizationValidated(Request $request): RedirectResponse
    {
        $consentedToIssuer = $request->boolean('issuer_share_consent');
        if (! $consentedToIssuer) {
            return back()->withErrors(['issuer_share_consent' => 'Please agree that the issuing CA receives the applicant\'s details.']);
        }

        $placed = Http::withToken(config('services.partner_ca.token'))->post(self::CA_ORDER_URL, [
            'product' => $request->input('product_sku'),
            'common_name' => $request->input('common_name'),
            'applicant_name' => $request->input('contact_name'),
            'applicant_email' => $request->input('contact_email'),
            'applicant_phone' => $request->input('contact_phone'),
        ]);
        Log::info('OV order placed', ['order' => $placed->json('orderId'), 'user_id' => $request->user()->id]);

        return redirect()->route('console.home')->with('status', 'Your order was placed.');
    }

    /**
     * DV certificates: the CA mails the approver of the domain.
     */
    public function domainValidated(Request $request): RedirectResponse
    {
        $placed = Http::withToken(config('services.partner_ca.token'))->post(self::CA_ORDER_URL, [
            'product' => $request->input('product_sku'),
            'common_name' => $request->input('common_name'),
            'applicant_email' => $request->input('contact_email'),
            'applicant_phone' => $request->input('contact_phone'),
        ]);
        Log::info('DV order placed', ['order' => $placed->json('orderId'), 'user_id' => $request->user()->id]);

        return redirect()->route('console.home')->with('status', 'Your order was placed.');
    }
}
