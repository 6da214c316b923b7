<?php

namespace App\Services;

use Illuminate\Support\Facades\DB;

/**
 * Leads the sales team calls back with offers.
 */
class SalesLeads
{
    /**
     * A pre-sales consultation becomes a lead, with what the member asked about.
     */
    public function fromConsultation(int $userId, string $consultationRecord): void
    {
        DB::table('sales_leads')->insert([
            'user_id' => $userId,
            'source' => 'consultation',
            'notes' => $consultationRecord,
            'created_at' => now(),
        ]);
    }
}
