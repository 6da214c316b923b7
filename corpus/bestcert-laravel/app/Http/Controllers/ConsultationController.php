<?php

namespace App\Http\Controllers;

use App\Services\SalesLeads;
use Illuminate\Http\Request;
use Illuminate\Http\Response;
use Illuminate\Support\Facades\DB;

/**
 * Online consultations with the customer service desk.
 */
class ConsultationController extends Controller
{
    /**
     * The service desk posts the record of a consultation when it is closed.
     */
    public function close(Request $request, SalesLeads $salesLeads): Response
    {
        $consultationRecord = $request->input('consultation_record');
        DB::table('support_consultations')->insert([
            'user_id' => $request->input('member_id'),
            'topic' => $request->input('topic'),
            'consultation_record' => $consultationRecord,
            'closed_at' => now(),
        ]);

        if ($request->input('topic') === 'pre_sales') {
            $salesLeads->fromConsultation((int) $request->input('member_id'), $consultationRecord);
        }

        return response()->noContent();
    }
}
