<?php

namespace App\Mail;

use App\Models\Contact;
use Illuminate\Bus\Queueable;
use Illuminate\Mail\Mailable;
use Illuminate\Mail\Mailables\Content;
use Illuminate\Mail\Mailables\Envelope;

class ContactInvitation extends Mailable
{
    use Queueable;

    public function __construct(public Contact $contact)
    {
    }

    public function envelope(): Envelope
    {
        return new Envelope(subject: 'You were added as a BestCert console contact');
    }

    public function content(): Content
    {
        return new Content(view: config('services.mail.contact_invitation_template'));
    }
}
