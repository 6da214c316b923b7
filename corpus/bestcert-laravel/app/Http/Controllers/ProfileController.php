<?php

namespace App\Http\Controllers;

use App\Services\CrmSync;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;

class ProfileController extends Controller
{
    /**
     * "Basic Information" (policy 2.1.2): membership type, unit, business and the
     * unit's contact address, phone and fax. All optional.
     */
    public function update(Request $request, CrmSync $crm): RedirectResponse
    {
        $basic = $request->validate([
            'member_type' => 'nullable|in:personal,enterprise',
            'unit_name' => 'nullable|string|max:120',
            'industry' => 'nullable|string|max:60',
            'country' => 'nullable|string|max:60',
            'area' => 'nullable|string|max:60',
            'street' => 'nullable|string|max:200',
            'phone' => 'nullable|string|max:30',
            'fax' => 'nullable|string|max:30',
        ]);

        $user = $request->user();
        $user->update($basic);

        if ($user->wasChanged(['unit_name', 'phone'])) {
            $crm->pushMember($user);
        }

        return back()->with('status', 'Basic information saved.');
    }
}
