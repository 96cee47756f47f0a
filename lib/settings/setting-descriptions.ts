import { SETTINGS, type SettingKey } from "@/lib/settings/definitions";
import type { Locale } from "@/lib/i18n/config";

/**
 * Russian descriptions of the configuration settings. English lives next to each key's schema in
 * lib/settings/definitions.ts (the one source of what a key means); a key added there without a
 * translation here is shown with its English description instead of nothing.
 */
const RU: Partial<Record<SettingKey, string>> = {
  "security.require_2fa_roles": "Роли, пользователи которых должны подключить двухфакторный вход (TOTP), прежде чем работать в кабинете; остальные роли подключают его по желанию.",
  "order.payment_ttl_seconds": "Сколько сопоставленный pay-in ждёт оплаты клиента и подтверждения трейдера, прежде чем истечёт.",
  "order.payout_ttl_seconds": "Сколько выплата может оставаться у трейдера, прежде чем истечёт и холд магазина будет снят.",
  "order.payout_offer_seconds": "Сколько секунд новая выплата предложена одному трейдеру онлайн; без ответа она предлагается следующему.",
  "order.payout_confirm_window_seconds": "После загрузки чека по выплате мерчант может подтвердить или оспорить её в течение этого времени; иначе выплата завершается.",
  "order.late_dispute_window_hours": "Сколько часов после истечения или отмены пэй-ина мерчант может открыть спор (клиент оплатил поздно); 0 — нельзя.",
  "trader.online_window_seconds": "Трейдер, которого видели в кабинете или API за это число секунд, считается онлайн: выплаты предлагаются только онлайн-трейдерам.",
  "order.match_attempts": "Сколько раз несопоставленный заказ пробуют подобрать к реквизитам, прежде чем он завершится ошибкой.",
  "order.match_window_seconds": "Сколько времени после создания несопоставленный заказ продолжают подбирать, прежде чем он завершится ошибкой.",
  "order.match_backoff_seconds":
    "Пауза после первой попытки подбора несопоставленного заказа до следующей; каждая следующая пауза удваивается, но не больше order.match_backoff_max_seconds.",
  "order.match_backoff_max_seconds": "Самая длинная пауза между двумя попытками подбора несопоставленного заказа.",
  "matching.max_open_orders_per_requisite": "Реквизит, у которого столько открытых заказов, не получает новых.",
  "matching.amount_adjustment_max_units":
    "На сколько минорных единиц можно сдвинуть сумму, чтобы на одном реквизите не было двух открытых заказов с одинаковой суммой (для магазинов, которые это разрешают).",
  "matching.paused": "Общий автомат платформы: если включён, новые заказы не сопоставляются.",
  "fraud.max_open_orders_per_customer": "Клиент с таким числом открытых заказов в магазине не может открыть ещё один (0 — без ограничения).",
  "fraud.max_orders_per_customer_per_hour": "Ограничение частоты: заказов одного клиента в одном магазине в час (0 — без ограничения).",
  "fraud.blacklisted_customer_ids": "Идентификаторы клиентов, чьи заказы отклоняются во всех магазинах.",
  "rate_limit.per_api_key_per_minute": "Сколько запросов к шлюзу разрешено одному API-ключу в минуту.",
  "rate_limit.per_ip_per_minute": "Сколько запросов к шлюзу разрешено одному IP-адресу клиента в минуту.",
  "callbacks.retry_schedule_seconds":
    "Паузы между попытками доставить колбэк мерчанту; последняя пауза повторяется, пока общее время не превысит callbacks.max_age_hours.",
  "callbacks.max_age_hours": "Колбэк, который всё ещё не доставлен спустя столько часов, помечается как неудачный.",
  "callbacks.allowed_private_hosts":
    "Хосты или CIDR, куда колбэки могут обращаться, хотя они частные или loopback (локальная разработка и тесты).",
  "callbacks.secret_rotation_overlap_hours":
    "После смены секрета вебхуков колбэки столько часов подписываются и новым, и прежним секретом, чтобы мерчант успел переключиться без потерь.",
  "callbacks.concurrency": "Сколько колбэков каждый экземпляр приложения отправляет одновременно; завершённая отправка сразу освобождает место.",
  "callbacks.max_in_flight_per_store":
    "Сколько колбэков одного магазина может отправляться одновременно на всех экземплярах: очередь или зависший адрес одного магазина не занимает все места.",
  "callbacks.connect_timeout_ms": "Сколько миллисекунд колбэк ждёт TCP-соединения с адресом мерчанта.",
  "callbacks.response_timeout_ms": "Сколько миллисекунд от начала колбэк ждёт заголовков ответа.",
  "callbacks.breaker_failure_threshold":
    "Сколько тайм-аутов или ошибок соединения подряд приостанавливают колбэки магазина (размыкатель открыт): отправляется только пробный.",
  "callbacks.breaker_probe_seconds": "Пауза до первого пробного колбэка после размыкания; после каждой неудачной пробы удваивается, до callbacks.breaker_probe_max_seconds.",
  "callbacks.breaker_probe_max_seconds": "Самая длинная пауза между двумя пробными колбэками.",
  "receipts.max_bytes": "Наибольший файл чека или доказательства по спору, в байтах (JPEG, PNG, WebP, HEIC/HEIF или PDF): загрузкой или base64 в API.",
  "rates.manual": "Ручные курсы фиата за 1 USDT, которые используются, когда источник курсов не настроен.",
  "commission.default_trader_payin_reward": "Доля вознаграждения новых трейдеров за pay-in.",
};

/** What a setting means, in the reader's language. */
export function settingDescription(key: SettingKey, locale: Locale): string {
  return (locale === "ru" ? RU[key] : undefined) ?? SETTINGS[key].description;
}
