<?php

namespace App\Http\Controllers;

use Alipay\EasySDK\Kernel\Factory;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;
use Illuminate\Support\Str;
use OSS\OssClient;

/**
 * Real-name authentication (policy 2.2.1): the member's name and ID number are
 * verified by Alipay face recognition; the ID card photos go to the
 * certification bucket.
 */
class CertificationController extends Controller
{
    public function face(Request $request): RedirectResponse
    {
        $validated = $request->validate([
            'real_name' => 'required|string|max:60',
            'id_number' => 'required|string|size:18',
            'id_card_front' => 'required|image|max:4096',
        ]);
        $user = $request->user();
        $outerOrderNo = 'RN' . $user->id . Str::random(12);

        $identityParam = [
            'identity_type' => 'CERT_INFO',
            'cert_type' => 'IDENTITY_CARD',
            'cert_name' => $validated['real_name'],
            'cert_no' => $validated['id_number'],
        ];
        $merchantConfig = ['return_url' => config('services.alipay.return_url')];
        $result = Factory::member()->identification()
            ->init($outerOrderNo, 'FACE', $identityParam, $merchantConfig);

        $oss = new OssClient(
            config('services.oss.access_key_id'),
            config('services.oss.access_key_secret'),
            config('services.oss.endpoint'),
        );
        $objectKey = 'id-cards/' . $user->id . '/front.jpg';
        $oss->putObject(config('services.oss.bucket'), $objectKey, $request->file('id_card_front')->getContent());

        $user->real_name = $validated['real_name'];
        $user->id_number = $validated['id_number'];
        $user->certify_id = $result->certifyId;
        $user->save();

        Log::info('real-name certification started for ' . $validated['real_name'], ['order' => $outerOrderNo]);
        Log::debug('certification order created', ['order' => $outerOrderNo, 'user_id' => $user->id]);

        return redirect()->away(config('services.alipay.return_url') . '?certify_id=' . $result->certifyId);
    }
}
