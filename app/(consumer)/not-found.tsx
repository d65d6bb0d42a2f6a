import { NotFoundContent } from "@/components/states/not-found-content";

export default NotFoundContent;
