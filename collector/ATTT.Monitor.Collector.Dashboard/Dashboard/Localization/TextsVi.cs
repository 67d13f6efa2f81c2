using System.Collections.Frozen;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// Tiếng Việt: the dashboard's default language. Keys shared with <see cref="TextsEn"/>. The texts are kept per page area in the
/// TextsVi.*.cs files; <see cref="TextTables.Merge"/> refuses a key defined in two areas.
/// </summary>
internal static partial class TextsVi
{
    public static FrozenDictionary<string, string> All { get; } = TextTables.Merge(Common, IncidentWords.Vietnamese(), Incidents, Pcs, Plan, Rules, Reports, Drills, Access, Notices, Signal, Events, Desk);

    // The sign-in, layout, users and other texts shared by several pages.
    private static Dictionary<string, string> Common => new()
    {
        ["AppName"] = "ATTT Monitor",
        ["AppTagline"] = "Giám sát an toàn thông tin",
        ["SkipToContent"] = "Bỏ qua đến nội dung chính",
        ["Nav.Overview"] = "Tổng quan",
        ["Nav.Incidents"] = "Sự cố",
        ["Nav.Pcs"] = "Máy trạm",
        ["Nav.Rules"] = "Luật phát hiện",
        ["Nav.Drills"] = "Diễn tập",
        ["Nav.Settings"] = "Cài đặt",
        ["Nav.Main"] = "Điều hướng chính",
        ["SwitchLanguage"] = "English",
        ["SwitchLanguageLabel"] = "Chuyển sang tiếng Anh",
        ["SignIn"] = "Đăng nhập",
        ["SignOut"] = "Đăng xuất",
        ["SignIn.Title"] = "Đăng nhập hệ thống giám sát",
        ["UserName"] = "Tên đăng nhập",
        ["Password"] = "Mật khẩu",
        ["SignIn.Wrong"] = "Tên đăng nhập hoặc mật khẩu không đúng.",
        ["SignIn.Locked"] = "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút hoặc liên hệ quản trị viên.",
        ["SignIn.Disabled"] = "Tài khoản đã bị vô hiệu hóa.",
        ["Province"] = "Cấp tỉnh (tất cả đơn vị)",
        ["Unit"] = "Đơn vị",
        ["Role"] = "Vai trò",
        ["Role.admin"] = "Quản trị viên",
        ["Role.officer"] = "Cán bộ xử lý",
        ["Role.coordinator"] = "Điều phối diễn tập",
        ["Role.viewer"] = "Chỉ xem",
        ["Password.Title"] = "Đổi mật khẩu",
        ["Password.MustChange"] = "Bạn đang dùng mật khẩu dùng một lần. Hãy đặt mật khẩu mới trước khi tiếp tục.",
        ["Password.Current"] = "Mật khẩu hiện tại",
        ["Password.New"] = "Mật khẩu mới",
        ["Password.Confirm"] = "Nhập lại mật khẩu mới",
        ["Password.Save"] = "Lưu mật khẩu",
        ["Password.Saved"] = "Đã đổi mật khẩu.",
        ["Password.CurrentWrong"] = "Mật khẩu hiện tại không đúng.",
        ["Password.Mismatch"] = "Hai lần nhập mật khẩu mới không khớp.",
        ["PasswordTooShort"] = "Mật khẩu phải có ít nhất 10 ký tự.",
        ["PasswordContainsUserName"] = "Mật khẩu không được chứa tên đăng nhập.",
        ["UserNameInvalid"] = "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (2–64 ký tự).",
        ["UserNameTaken"] = "Tên đăng nhập đã tồn tại.",
        ["RoleInvalid"] = "Vai trò không hợp lệ.",
        ["NotAvailable"] = "Chức năng này chưa sẵn sàng trong phiên bản hiện tại.",
        ["Users.Title"] = "Người dùng",
        ["Users.Create"] = "Thêm người dùng",
        ["Users.DisplayName"] = "Họ và tên",
        ["Users.UnitHelp"] = "Để trống nếu là người dùng cấp tỉnh (xem tất cả đơn vị).",
        ["Users.Created"] = "Đã tạo tài khoản {0}. Mật khẩu dùng một lần: {1}",
        ["Users.Locked"] = "Đang khóa",
        ["Users.Disabled"] = "Vô hiệu hóa",
        ["Users.Active"] = "Hoạt động",
        ["Users.Save"] = "Lưu",
        ["Users.Saved"] = "Đã lưu thay đổi.",
        ["Users.ResetPassword"] = "Cấp mật khẩu mới",
        ["Users.PasswordReset"] = "Mật khẩu dùng một lần mới của {0}: {1}",
        ["Users.CannotChangeSelf"] = "Không thể tự hạ quyền hoặc vô hiệu hóa chính mình.",
        ["Actions"] = "Thao tác",
        ["Status"] = "Trạng thái",
        ["Yes"] = "Có",
        ["No"] = "Không",
        ["Forbidden.Title"] = "Không có quyền",
        ["Forbidden.Text"] = "Tài khoản của bạn không có quyền thực hiện thao tác này.",
        ["Footer"] = "Giờ hiển thị theo múi giờ Việt Nam (UTC+7).",
        ["SignedInAs"] = "Đang đăng nhập: {0}",
        ["Status.NotFound"] = "Không tìm thấy",
        ["Status.NotFound.Text"] = "Trang hoặc sự cố này không tồn tại, hoặc thuộc đơn vị mà bạn không được xem.",
        ["Status.BadRequest"] = "Yêu cầu không hợp lệ",
        ["Status.BadRequest.Text"] = "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và thử lại.",
        ["Status.Error"] = "Đã xảy ra lỗi",
        ["Status.Error.Text"] = "Hệ thống gặp lỗi khi xử lý yêu cầu. Hãy thử lại sau.",
    };
}
