<?php

namespace App\Http\Controllers;

use App\Models\Ticket;
use App\Services\SmsGateway;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Http\Response;
use Illuminate\Support\Facades\Log;
use Illuminate\Support\Facades\Storage;

/**
 * Support tickets and hotline call recordings (policy 2.2.2.3).
 */
class TicketController extends Controller
{
    public function store(Request $request): RedirectResponse
    {
        $request->validate([
            'category' => 'required|in:order,certificate,invoice,other',
            'subject' => 'required|string|max:120',
            'content' => 'required|string|max:5000',
            'contact_mobile' => 'nullable|regex:/^1[3-9]\d{9}$/',
        ]);

        $ticket = $request->user()->tickets()->create([
            'category' => $request->input('category'),
            'subject' => $request->input('subject'),
            'content' => $request->input('content'),
            'contact_mobile' => $request->input('contact_mobile'),
            'status' => Ticket::STATUS_OPEN,
        ]);
        Log::info('ticket opened', ['ticket_id' => $ticket->id, 'category' => $ticket->category]);

        return redirect()->route('console.home')->with('status', 'Ticket submitted.');
    }

    public function reply(Request $request, Ticket $ticket, SmsGateway $sms): RedirectResponse
    {
        $ticket->update(['status' => Ticket::STATUS_REPLIED, 'replied_at' => now()]);

        $mobile = $ticket->contact_mobile ?? $ticket->user->mobile;
        $sms->send($mobile, 'ticket_replied', ['ticket' => $ticket->id]);

        return back();
    }

    /**
     * The hotline system posts the recording of a finished customer-service call.
     */
    public function storeRecording(Request $request): Response
    {
        $callId = $request->input('call_id');
        $callerNumber = $request->input('caller_number');
        $path = 'calls/' . date('Y/m/d') . '/' . $callId . '.mp3';
        Storage::disk(config('services.hotline.recording_disk'))->put($path, $request->getContent());

        Ticket::create([
            'category' => 'hotline',
            'subject' => 'Hotline call ' . $callId,
            'contact_mobile' => $callerNumber,
            'call_id' => $callId,
            'recording_path' => $path,
            'status' => Ticket::STATUS_OPEN,
        ]);
        Log::info('hotline call from ' . $callerNumber . ' recorded', ['call_id' => $callId]);

        return response()->noContent();
    }
}
