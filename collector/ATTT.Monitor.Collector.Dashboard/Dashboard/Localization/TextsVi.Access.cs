namespace ATTT.Monitor.Collector.Dashboard.Localization;

internal static partial class TextsVi
{
    // Why AdministrationPolicy refused an action (docs/roles.md).
    private static Dictionary<string, string> Access => new()
    {
        ["Access.Refused"] = "Tài khoản của bạn không có quyền thực hiện thao tác này.",
        ["Access.RoleNotAllowed"] = "Vai trò của bạn không được thực hiện thao tác này.",
        ["Access.OtherUnit"] = "Bạn chỉ được thao tác trong đơn vị của mình; đối tượng này thuộc đơn vị khác.",
        ["Access.ProvinceAccount"] = "Quản trị viên xã chỉ tạo hoặc sửa người dùng của đơn vị mình; người dùng cấp tỉnh (không có đơn vị) do quản trị viên tỉnh tạo.",
        ["Access.OwnUnit"] = "Không thể tự bỏ hoặc đổi đơn vị của chính mình; hãy nhờ quản trị viên cấp tỉnh.",
        ["Access.ProvinceOnly"] = "Chỉ quản trị viên cấp tỉnh được thay đổi thiết lập này vì nó áp dụng cho mọi đơn vị.",
        ["Access.AllUnitsProvinceOnly"] = "Chỉ người dùng cấp tỉnh được thay đổi cho mọi đơn vị; hãy chọn đơn vị của mình.",
        ["Access.OwnPasswordOnly"] = "Mỗi người chỉ đổi được mật khẩu của chính mình.",
        ["Access.PasswordChangeRequired"] = "Hãy đổi mật khẩu dùng một lần trước khi làm việc khác.",
        ["Audit.refused"] = "Bị từ chối (không có quyền)",
    };
}
