<?php

namespace App\Http\Controllers;

use App\Mail\ContactInvitation;
use App\Models\Contact;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;
use Illuminate\Support\Facades\Mail;

class ContactController extends Controller
{
    /**
     * Console contacts (policy 2.1.3): name, email, mobile and position of the
     * people who receive notices and bills for the account.
     */
    public function store(Request $request): RedirectResponse
    {
        $request->validate([
            'contact_name' => 'required|string|max:60',
            'email' => 'required|email',
            'mobile' => 'required|regex:/^1[3-9]\d{9}$/',
            'position' => 'nullable|string|max:60',
        ]);

        $contact = $request->user()->contacts()->create([
            'contact_name' => $request->input('contact_name'),
            'email' => $request->input('email'),
            'mobile' => $request->input('mobile'),
            'position' => $request->input('position'),
            'wechat_id' => $request->input('wechat_id'),
            'receives_notices' => $request->boolean('receives_notices'),
        ]);

        Mail::to($contact->email)->send(new ContactInvitation($contact));
        Log::info('console contact added: ' . $contact->email, ['contacts' => $request->user()->contacts()->count()]);

        return back()->with('status', 'Contact added.');
    }

    public function destroy(Request $request, Contact $contact): RedirectResponse
    {
        abort_unless($contact->user_id === $request->user()->id, 403);
        $contact->delete();
        Log::info('console contact removed', ['contact_id' => $contact->id]);

        return back();
    }
}
