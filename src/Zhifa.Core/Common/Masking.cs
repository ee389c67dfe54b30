namespace Zhifa.Core.Common;

/// <summary>Personal data shown only as much as the reader needs (SXZD-MASK).</summary>
public static class Masking
{
    /// <summary>13812345678 → 138****5678; short numbers keep only their last two digits.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
            return phone;
        return phone.Length >= 11 ? phone[..3] + new string('*', phone.Length - 7) + phone[^4..]
            : phone.Length > 2 ? new string('*', phone.Length - 2) + phone[^2..] : "**";
    }
}
